"""The workshop TUI (Textual). Only this package imports textual.

A screen is a module in screens/: a subclass of BaseScreen (a full screen of the flow; it
implements the abstract `in_language`) or BaseModal (a dialog), both from screens/base.py,
with its styles in a .tcss file beside it (its CSS_PATH; app.tcss holds the app-wide ones).
Its keys are Bindings with an id, described in the app's language by the word key.ID."""
