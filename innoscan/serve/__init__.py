"""The browser front end: textual-serve with a participant per browser.
"""
