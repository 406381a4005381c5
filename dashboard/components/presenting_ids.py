"""Component ids of the presenter, profile and comparison pages and of the "add this view to a
story" control, shared by their layouts, callbacks, assets/presenting.js and the browser tests."""

# Presenter mode (dashboard/pages/present.py)
PRESENT_ROOT = "present-root"
PRESENT_STATE = "present-state"  # dcc.Store: story, step index, step count, language, map fit
PRESENT_URL_SYNC = "present-url-sync"
PRESENT_TITLE = "present-title"
PRESENT_CAPTION = "present-caption"
PRESENT_COUNTER = "present-counter"
PRESENT_MAP = "present-map"
PRESENT_MAP_BOX = "present-map-box"
PRESENT_RANKING = "present-ranking"
PRESENT_RANKING_BOX = "present-ranking-box"
PRESENT_SUMMARY = "present-summary"
PRESENT_PREVIOUS = "present-previous"
PRESENT_NEXT = "present-next"
PRESENT_FIRST = "present-first"
PRESENT_LAST = "present-last"
PRESENT_FULLSCREEN = "present-fullscreen"

# "Add this view to a story" on the explore page (dashboard/components/story_saver.py)
SAVE_STORY = "save-story-name"
SAVE_TITLE_SR = "save-story-title-sr"
SAVE_TITLE_EN = "save-story-title-en"
SAVE_CAPTION_SR = "save-story-caption-sr"
SAVE_CAPTION_EN = "save-story-caption-en"
SAVE_TOKEN = "save-story-token"
SAVE_BUTTON = "save-story-button"
SAVE_STATUS = "save-story-status"
SAVE_STORY_LIST = "save-story-list"
SAVE_STORY_TITLE = "save-story-new-title"  # the title of a new story
SAVE_CONFIRM = "save-story-confirm"  # "yes, add to the existing story"
SAVE_PENDING = "save-story-pending"  # the existing story a confirmation would write to

# Municipality profile (dashboard/pages/profile.py)
PROFILE_LANGUAGE = "profile-page-language"
PROFILE_PICK = "profile-page-pick"
PROFILE_PDF = "profile-page-pdf"
PROFILE_PNG = "profile-page-png"
PROFILE_PRINT = "profile-page-print"
PROFILE_DOWNLOAD = "profile-page-download"
PROFILE_EXPORT_STATUS = "profile-page-export-status"
PROFILE_SHEET = "profile-page-sheet"
PROFILE_PRINT_SYNC = "profile-page-print-sync"

# Comparison (dashboard/pages/compare.py)
COMPARE_LANGUAGE = "compare-language"
COMPARE_PICK = "compare-pick"
COMPARE_TABLE = "compare-table"
COMPARE_CHART = "compare-chart"
COMPARE_CHART_SUMMARY = "compare-chart-summary"
COMPARE_NOTICE = "compare-notice"
COMPARE_URL_SYNC = "compare-url-sync"
