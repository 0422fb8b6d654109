"""Readers that turn saved article pages and comment dumps into the comments table."""
