"""Loading region files into validated tables.

Every loader returns its table together with a list of :class:`Problem` and
never raises on bad data: a missing or corrupt file must not take the app down,
it must be reported while the app serves whatever valid data it has.
"""
