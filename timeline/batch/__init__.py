"""JSONL batch interfaces other scorers can call: one article a line in, one finding a line out."""
