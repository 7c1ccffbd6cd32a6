"""``python -m bot.config config validate`` until ``bot/cli.py`` registers the command."""

from bot.config.cli import main

raise SystemExit(main())
