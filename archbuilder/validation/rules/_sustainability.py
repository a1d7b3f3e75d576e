"""Sustainability rules, registered explicitly in order."""

from archbuilder.validation.rules._load import load_modules

# Registered by hand, in this order; one name per rule module.
MODULES = load_modules(
    "sus_non_production_always_on",
    "sus_fixed_size_scaling_group",
    "sus_fixed_size_node_group",
    "sus_endpoint_without_autoscaling",
    "sus_log_bucket_without_lifecycle",
    "sus_efs_without_lifecycle",
    "sus_ecr_without_lifecycle",
    "sus_idle_database",
    "sus_aurora_provisioned_outside_production",
    "sus_session_table_without_ttl",
    "sus_batch_minimum_capacity",
    "sus_dynamodb_provisioned_outside_production",
    "sus_backups_kept_forever",
    "sus_firehose_uncompressed",
    "sus_standby_outside_production",
)
