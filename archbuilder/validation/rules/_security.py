"""Security rules, registered explicitly in order."""

from archbuilder.validation.rules import (
    sec_admin_ports_open_to_world,
    sec_api_without_auth,
    sec_app_server_in_public_subnet,
    sec_cloudfront_without_waf,
    sec_cognito_mfa_off,
    sec_connection_not_allowed,
    sec_data_store_exposed,
    sec_data_store_in_public_subnet,
    sec_instance_directly_public,
    sec_kms_rotation_off,
    sec_load_balancer_plain_http,
    sec_no_cloudtrail,
    sec_ports_open_to_world,
    sec_s3_public_access,
    sec_secret_rotation_off,
    sec_ses_without_egress,
    sec_ssh_without_bastion,
    sec_storage_unencrypted,
)

MODULES = (
    sec_admin_ports_open_to_world,
    sec_api_without_auth,
    sec_app_server_in_public_subnet,
    sec_cloudfront_without_waf,
    sec_cognito_mfa_off,
    sec_connection_not_allowed,
    sec_data_store_exposed,
    sec_data_store_in_public_subnet,
    sec_instance_directly_public,
    sec_kms_rotation_off,
    sec_load_balancer_plain_http,
    sec_no_cloudtrail,
    sec_ports_open_to_world,
    sec_s3_public_access,
    sec_secret_rotation_off,
    sec_ses_without_egress,
    sec_ssh_without_bastion,
    sec_storage_unencrypted,
)
RULES = [module.RULE for module in MODULES]
