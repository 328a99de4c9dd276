"""The built-in operations, one family per file. Each operation is a class
holding its `compute` and its `gradient` side by side, plus the lowercase
function you call to build it (`Add` and `add`, as in TensorFlow)."""
