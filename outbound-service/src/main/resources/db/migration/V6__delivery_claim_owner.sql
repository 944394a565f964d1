-- Which replica holds a claim (its host name, the pod's in Kubernetes, and process id): an operator
-- sees who is sending what, and an expired claim's report names the replica that died with it.
ALTER TABLE delivery ADD COLUMN claimed_by text;
