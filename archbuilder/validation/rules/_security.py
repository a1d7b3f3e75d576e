"""Security rules, registered explicitly in order."""

from archbuilder.validation.rules._load import load_modules

# Registered by hand, in this order; one name per rule module.
MODULES = load_modules(
    "sec_access_key_in_user_data",
    "sec_admin_policy_on_role",
    "sec_admin_port_on_public_load_balancer",
    "sec_admin_ports_open_to_world",
    "sec_api_without_auth",
    "sec_app_server_in_public_subnet",
    "sec_cidr_instead_of_security_group",
    "sec_cloudfront_allows_http",
    "sec_cloudfront_without_waf",
    "sec_cognito_mfa_off",
    "sec_connection_not_allowed",
    "sec_data_store_exposed",
    "sec_data_store_in_public_subnet",
    "sec_data_under_aws_owned_key",
    "sec_ecr_scan_on_push_off",
    "sec_full_access_policy_on_role",
    "sec_instance_directly_public",
    "sec_kms_rotation_off",
    "sec_load_balancer_plain_http",
    "sec_no_cloudtrail",
    "sec_no_encryption_in_transit",
    "sec_no_guardduty",
    "sec_ports_open_to_world",
    "sec_rest_api_without_waf",
    "sec_s3_public_access",
    "sec_secret_rotation_off",
    "sec_secure_parameter_not_rotated",
    "sec_ses_without_egress",
    "sec_ssh_rule_on_managed_database",
    "sec_ssh_without_bastion",
    "sec_storage_unencrypted",
    "sec_vpc_without_private_subnets",
)
