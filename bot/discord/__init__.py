"""The Discord adapter: slash commands, embeds within Discord's limits, scheduled posts."""
