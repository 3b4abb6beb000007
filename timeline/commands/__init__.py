"""One module per CLI command that needs more than a single library call."""
