"""`python -m bot` is the `newsbrief` command."""

from bot.cli import entry_point

if __name__ == "__main__":  # not when a worker process imports the main module
    entry_point()
