"""recompose_torch: Recompose's network trained with PyTorch DistributedDataParallel, reading the
merged shards of ``recompose merge`` and writing the model folder ``recompose generate`` loads."""
