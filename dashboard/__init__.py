"""Creative Industries Map of South Serbia: an offline-first Dash dashboard.

Data flows one way: region files -> validated tables (``dashboard.sources``) ->
indicators (``dashboard.analysis.indicators``) -> figures (``dashboard.figures``) -> pages.
"""

__version__ = "0.1.0"
