"""Toxicity scoring: detoxify models and the shipped offline model behind one interface."""
