"""The workshop TUI (Textual). Only this package imports textual."""
