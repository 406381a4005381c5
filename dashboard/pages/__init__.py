"""Dash pages: each module owns its layout and its callbacks."""
