"""innoscan: a government team's self-assessment of its innovation capacity."""

__version__ = "0.1.0"
