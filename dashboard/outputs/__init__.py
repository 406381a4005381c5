"""What leaves the app as documents: table exports, rendered PDF/PNG, municipality profiles,
presenter stories and their steps."""
