"""Document facts shared by every renderer (dates as printed)."""
