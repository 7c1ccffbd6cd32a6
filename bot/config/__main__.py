"""``python -m bot.config config validate`` until ``bot/cli.py`` registers the command."""

from bot.config.cli import main

if __name__ == "__main__":  # not when a worker process imports the main module
    raise SystemExit(main())
