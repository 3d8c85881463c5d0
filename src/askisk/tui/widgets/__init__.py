"""One widget a file. Widgets render what they are given and post messages; they never call the service."""
