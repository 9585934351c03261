"""How a build runs: the pipeline over departments and site-wide files (`pipeline`), where the
departments run (`executor`, `parallel`), the build's store (`cache`), the two trees written
(`write`, `targets`), progress and fault-injection checkpoints (`progress`, `faults`), and the
watching server (`serve`)."""
