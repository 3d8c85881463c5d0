"""Encoder: the text -> vector protocol, ONNX export at build time, the torch-free query encoder."""
