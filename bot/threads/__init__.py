"""Story threads: each posted story is a thread root; updates as the story grows go into its thread."""
