"""doichieu: cross-check official Vietnamese announcements for contradictions."""

__version__ = "0.1.0"
