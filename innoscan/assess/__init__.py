"""From answers to findings: scores, success factors, benchmark readings, risk flags, comparisons
between years, merging individual answers.
"""
