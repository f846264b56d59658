"""The generator itself: both engines give the same site, and the copied Material templates match Material."""
