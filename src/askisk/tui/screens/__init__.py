"""One screen a file. Screens decide: they run the workers, call the session and route messages."""
