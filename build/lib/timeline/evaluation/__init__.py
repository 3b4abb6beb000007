"""Scoring the project's stages against annotated corpora."""
