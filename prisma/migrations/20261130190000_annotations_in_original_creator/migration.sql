-- Annotations imported from other tools (Hypothesis, Label Studio, doccano, W3C) keep who made them there, the tool, and their labels.
ALTER TABLE "Annotation" ADD COLUMN "originalCreator" TEXT,
ADD COLUMN "importedFrom" TEXT,
ADD COLUMN "tags" TEXT[] DEFAULT ARRAY[]::TEXT[];
