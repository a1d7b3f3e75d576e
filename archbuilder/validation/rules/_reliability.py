"""Reliability rules, registered explicitly in order."""

from archbuilder.validation.rules import (
    rel_asg_ignores_lb_health,
    rel_asg_single_az,
    rel_cache_single_node,
    rel_compute_tier_single_az,
    rel_db_subnet_group_single_az,
    rel_dynamodb_no_pitr,
    rel_efs_single_az,
    rel_instance_outside_asg,
    rel_lambda_in_vpc_without_egress,
    rel_load_balancer_single_az,
    rel_nat_shared_across_azs,
    rel_public_subnet_without_igw,
    rel_queue_without_dlq,
    rel_rds_no_backups,
    rel_rds_not_multi_az,
    rel_s3_versioning_off,
    rel_single_az_vpc,
    rel_visibility_shorter_than_consumer,
)

MODULES = (
    rel_asg_ignores_lb_health,
    rel_asg_single_az,
    rel_cache_single_node,
    rel_compute_tier_single_az,
    rel_db_subnet_group_single_az,
    rel_dynamodb_no_pitr,
    rel_efs_single_az,
    rel_instance_outside_asg,
    rel_lambda_in_vpc_without_egress,
    rel_load_balancer_single_az,
    rel_nat_shared_across_azs,
    rel_public_subnet_without_igw,
    rel_queue_without_dlq,
    rel_rds_no_backups,
    rel_rds_not_multi_az,
    rel_s3_versioning_off,
    rel_single_az_vpc,
    rel_visibility_shorter_than_consumer,
)
RULES = [module.RULE for module in MODULES]
