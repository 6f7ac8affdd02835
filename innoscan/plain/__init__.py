"""The plain front end: numbered prompts on standard input and output, for screen readers and
pipes.
"""
