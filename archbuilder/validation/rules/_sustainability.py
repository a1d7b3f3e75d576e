"""Sustainability rules, registered explicitly in order."""

from archbuilder.validation.rules._load import load_modules

# Registered by hand, in this order; one name per rule module.
MODULES = load_modules(
    "sus_aurora_provisioned_outside_production",
    "sus_backups_kept_forever",
    "sus_batch_minimum_capacity",
    "sus_detailed_monitoring_outside_production",
    "sus_dynamodb_provisioned_outside_production",
    "sus_ecr_without_lifecycle",
    "sus_efs_without_lifecycle",
    "sus_endpoint_without_autoscaling",
    "sus_firehose_tiny_objects",
    "sus_firehose_uncompressed",
    "sus_fixed_size_node_group",
    "sus_fixed_size_scaling_group",
    "sus_idle_database",
    "sus_log_bucket_without_lifecycle",
    "sus_non_production_always_on",
    "sus_replicas_outside_production",
    "sus_session_table_without_ttl",
    "sus_standby_outside_production",
)
