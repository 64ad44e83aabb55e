"""The walkthrough: the whole offer, theme by theme, for a personal adviser and a young person."""
