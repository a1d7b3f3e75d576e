"""Cost rules, registered explicitly in order."""

from archbuilder.validation.rules._load import load_modules

# Registered by hand, in this order; one name per rule module.
MODULES = load_modules(
    "cost_athena_reads_other_region",
    "cost_athena_without_scan_limit",
    "cost_backup_vault_without_resources",
    "cost_batch_on_demand",
    "cost_cross_az_traffic",
    "cost_cross_region_traffic",
    "cost_efs_single_client",
    "cost_emr_task_nodes_on_demand",
    "cost_emr_without_auto_termination",
    "cost_gp2_volume",
    "cost_idle_elastic_ip",
    "cost_idle_interface_endpoint",
    "cost_idle_nat_gateway",
    "cost_inspector_without_targets",
    "cost_interface_endpoint_for_gateway_service",
    "cost_kcl_workers_over_shards",
    "cost_kinesis_outside_production",
    "cost_lambda_trigger_loop",
    "cost_log_retention_forever",
    "cost_many_azs",
    "cost_nat_per_az_outside_production",
    "cost_public_ip_behind_load_balancer",
    "cost_rest_api_for_lambda_only",
    "cost_s3_multipart_leftovers",
    "cost_s3_without_endpoint",
    "cost_shield_advanced",
    "cost_sqs_short_polling",
    "cost_streaming_job_outside_production",
    "cost_traffic_between_vpcs",
    "cost_unattached_ebs_volume",
)
