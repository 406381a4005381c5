"""Importing mapping data: register extracts and survey files in, a validation report out.

``readers`` turns CSV, XLSX, GeoJSON and GeoPackage files into text tables with
schema column names (``headers`` recognises the column names, ``mapping`` reads an
explicit mapping file); ``pipeline`` validates, places and stores them; ``report``
describes every problem on screen and as CSV.
"""
