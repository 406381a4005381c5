"""Plotly figures built from indicator tables: pure functions, no Dash."""
