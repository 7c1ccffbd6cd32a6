"""Live feeds: fetch RSS/Atom feeds and article pages politely, turn them into articles, store them."""
