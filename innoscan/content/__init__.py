"""The models of questions/: the bank, its question kinds, conditions, scoring rules, published
figures and risk rules. Imports nothing of the rest of innoscan but its words.
"""
