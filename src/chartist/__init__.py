"""chartist."""
