"""Operational rules, registered explicitly in order."""

from archbuilder.validation.rules._load import load_modules

# Registered by hand, in this order; one name per rule module.
MODULES = load_modules(
    "ops_alarm_on_agent_metric",
    "ops_alarm_without_action",
    "ops_ami_across_regions",
    "ops_athena_workgroup_not_enforced",
    "ops_certificate_email_validation",
    "ops_classic_load_balancer",
    "ops_config_recorder_partial",
    "ops_default_db_parameter_group",
    "ops_default_redshift_parameter_group",
    "ops_deploy_without_auto_rollback",
    "ops_ecs_container_insights_off",
    "ops_efs_burst_credits_unwatched",
    "ops_eventbridge_rule_without_trigger",
    "ops_functions_without_pipeline",
    "ops_latest_image_tag",
    "ops_many_peerings",
    "ops_mutable_image_tags",
    "ops_no_alarms",
    "ops_no_detailed_monitoring",
    "ops_no_termination_protection",
    "ops_not_in_cloudformation",
    "ops_pipeline_without_approval",
    "ops_pipeline_without_source",
    "ops_resources_not_checked",
    "ops_schedule_expression_invalid",
    "ops_serverless_path_without_tracing",
    "ops_service_closed_to_new_customers",
    "ops_ses_without_bounce_handling",
    "ops_software_installed_at_boot",
    "ops_ssh_without_key_pair",
    "ops_xray_without_traced_services",
)
