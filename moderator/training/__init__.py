"""Rebuild the shipped `moderator-lite` model from the labelled datasets (needs scikit-learn).

python -m moderator.training --data ../shared/datasets --out moderator/scoring/models/
"""
