"""vergoedingcheck: benefits-safe volunteer payments for Dutch neighbourhoods."""

__version__ = "0.1.0"
