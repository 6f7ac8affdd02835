"""Findings as text and files: the report, the compare report, the answer sheet, the bank
listing, and the registry of export formats.
"""
