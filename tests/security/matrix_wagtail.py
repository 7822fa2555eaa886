"""Matrix declarations of Wagtail's own admin URLs (pages, documents, images, users, reports...).

Only NDC editors edit pages; comment moderators, conveners and officers get nothing of the page
tree (finding 1). Users, groups, sites, workflows, collections and redirects are for superusers.
Objects that do not exist here (image 1, form submissions, redirects) answer 404 to everyone.
"""

from __future__ import annotations

from .matrix import ALL_STAFF, BOTH, Rule, allow

NDC = allow(nd=BOTH)
PAGES_FOR_NDC = (
    "wagtailadmin_explore*",
    "wagtailadmin_pages:add",
    "wagtailadmin_pages:copy",
    "wagtailadmin_pages:delete",
    "wagtailadmin_pages:edit",
    "wagtailadmin_pages:history*",
    "wagtailadmin_pages:move",
    "wagtailadmin_pages:preview_on_*",
    "wagtailadmin_pages:revisions_revert",
    "wagtailadmin_pages:revisions_unschedule",
    "wagtailadmin_pages:revisions_view",
    "wagtailadmin_pages:search*",
    "wagtailadmin_pages:set_privacy",
    "wagtailadmin_pages:type_use*",
    "wagtailadmin_pages:unpublish",
    "wagtailadmin_pages:usage",
    "wagtailadmin_pages:view_draft",
    "wagtailadmin_pages:workflow_history",
    "wagtailadmin_reports:aging_pages*",
    "wagtailadmin_reports:locked_pages*",
    "wagtailadmin_reports:page_types_usage*",
    "wagtailadmin_reports:workflow*",
    "wagtailforms:index*",
)
MISSING_OBJECTS = (
    "wagtail_bulk_action",
    "wagtailadmin_api:documents:find",
    "wagtailadmin_api:images:*",
    "wagtailadmin_api:pages:detail",
    "wagtailadmin_api:pages:find",
    "wagtailadmin_block_preview",
    "wagtailadmin_collections:delete",
    "wagtailadmin_pages:choose_parent",
    "wagtailadmin_pages:convert_alias",
    "wagtailadmin_tag_model_autocomplete",
    "wagtailadmin_workflows:add_task",
    "wagtailforms:list_submissions*",
    "wagtailimages:delete",
    "wagtailimages:image_usage",
    "wagtailimages:preview",
    "wagtailimages:url_generator*",
    "wagtailimages_chooser:chosen",
    "wagtailimages_chooser:select_format",
    "wagtailredirects:delete",
    "wagtailsettings:preview_on_edit",
)
EVERY_STAFF_MEMBER = (
    "wagtailadmin_account",
    "wagtailadmin_api:documents:listing",  # each sees own uploads (core/document_scope.py)
    "wagtailadmin_api:pages:listing",
    "wagtailadmin_api:images:listing",
    "wagtailadmin_choose_page*",
    "wagtailadmin_dismissibles",
    "wagtailadmin_home",
    "wagtailadmin_pages:confirm_workflow_cancellation",
    "wagtailadmin_pages:move_confirm",
    "wagtailadmin_reports:site_history*",  # scoped per object (core/admin_scope.py)
    "wagtailadmin_tag_autocomplete",
    "wagtailadmin_workflows:task_chooser*",
    "wagtailadmin_workflows:task_chosen",
    "wagtaildocs_chooser:choose*",
    "wagtaildocs_chooser:chosen_multiple",
    "wagtailembeds:*",
    "wagtailimages_chooser:choose*",
    "wagtailimages_chooser:chosen_multiple",
)
POST_ONLY = (
    "wagtailadmin_api:pages:action",
    "wagtailadmin_editing_sessions:*",
    "wagtailadmin_pages:lock",
    "wagtailadmin_pages:set_page_position",
    "wagtailadmin_pages:unlock",
    "wagtailadmin_workflows:enable*",
    "wagtailadmin_workflows:remove",
    "wagtaildocs:create_multiple_from_uploaded_document",
    "wagtaildocs:delete_multiple",
    "wagtaildocs:delete_upload_multiple",
    "wagtaildocs:edit_multiple",
    "wagtailimages:create_multiple_from_uploaded_image",
    "wagtailimages:delete_multiple",
    "wagtailimages:delete_upload_multiple",
    "wagtailimages:edit_multiple",
)
PUBLIC = (
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
)
SUPERUSERS_ONLY = (
    "wagtailadmin_collections:*",
    "wagtailadmin_pages:revisions_compare",
    "wagtailadmin_pages:workflow_preview",
    "wagtailadmin_workflows:*",
    "wagtaildocs:delete",
    "wagtaildocs:document_usage",
    "wagtaildocs:edit",
    "wagtailforms:delete_submissions",
    "wagtailimages:*",
    "wagtailimages_chooser:create",
    "wagtailredirects:*",
    "wagtailsites:*",
    "wagtailusers_groups:*",
    "wagtailusers_users:*",
)

RULES = [
    Rule("wagtailadmin_logout", skip="logs the shared client out (POST only; Wagtail's own tests)"),
    Rule("wagtailadmin_error_test", skip="raises on purpose (Wagtail's error page test)"),
    Rule(("admin/pages/(?P<page_id>\\d+)/edit/copy_translation_content/$", "admin/^.*/$", "admin/test404/"),
         skip="unnamed: translations are off; the admin's 404 pages"),
    Rule("wagtailadmin_login", public=True,
         ok={"anonymous": 200, "citizen": 200, "officer": 302, "convener": 302, "moderator": 302, "ndc_editor": 302}),
    Rule(PUBLIC, public=True),
    # staff reset passwords through the site's accounts pages (WAGTAIL_PASSWORD_RESET_ENABLED = False)
    Rule("wagtailadmin_password_reset*", public=True, ok=404),
    Rule(PAGES_FOR_NDC, allow=NDC),
    Rule("wagtailadmin_pages:add_subpage", allow=NDC, ok=302),  # one page type allowed: straight to its form
    Rule("wagtailadmin_pages:workflow_history_detail", allow=NDC, ok=404),
    Rule(("wagtailadmin_pages:workflow_action", "wagtailadmin_pages:collect_workflow_action_data",
          "wagtailadmin_pages:revisions_index"), allow=ALL_STAFF, ok=302),  # no task: back to the page
    Rule(EVERY_STAFF_MEMBER, allow=ALL_STAFF),
    # the world's document has no uploader: only NDC editors see it (core/document_scope.py)
    Rule("wagtailadmin_api:documents:detail", allow=NDC, refused=404),
    Rule(MISSING_OBJECTS, refused=404),
    Rule("wagtailsnippets:index", allow=allow(of=BOTH, nd=BOTH)),
    Rule(POST_ONLY, refused=405),
    Rule(("wagtaildocs:add", "wagtaildocs:add_multiple", "wagtaildocs:index", "wagtaildocs:index_results",
          "wagtaildocs_chooser:chosen", "wagtaildocs_chooser:create"), allow=allow(of=BOTH, co=BOTH, nd=BOTH)),
    Rule("admin/settings/<slug:app_name>/<slug:model_name>/<int:pk>/", refused=404),
    Rule("wagtailsettings:edit", allow=ALL_STAFF, ok=302),  # to the settings object's own URL
    Rule(SUPERUSERS_ONLY),
]  # fmt: skip
