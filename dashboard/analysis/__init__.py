"""What the data means: filters, fast counting, derived geometry, the map model, the views of one
page state and their text summaries. Pure functions over validated tables; no Dash."""
