"""Reusable pieces of layout. Each takes the language and returns Dash components."""
