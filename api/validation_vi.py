"""Request validation errors in Vietnamese, by pydantic error type, naming the field.

pydantic words its errors in English only; the desk shows these instead. A type missing from the table gets the
generic sentence, which still names the field, so a new kind of validation error is never left unexplained.
"""

from collections.abc import Mapping
from typing import Any

_DATE = "phải là ngày theo dạng YYYY-MM-DD (ví dụ 2026-12-15)"
_DATETIME = "phải là thời điểm theo dạng YYYY-MM-DDTHH:MM:SS (ví dụ 2026-12-15T08:00:00)"
_TIME = "phải là giờ theo dạng HH:MM:SS (ví dụ 08:00:00)"
_INTEGER = "phải là số nguyên"
_NUMBER = "phải là số"
_OBJECT = "phải là một đối tượng JSON ({{…}})"  # braces doubled: the template is formatted

# What follows «field» in the sentence; {names} are the error's ctx values (e.g. max_length, ge, expected).
_BY_TYPE: dict[str, str] = {
    "missing": "là bắt buộc nhưng chưa được nhập",
    "int_parsing": _INTEGER,
    "int_type": _INTEGER,
    "int_from_float": f"{_INTEGER}, không có phần thập phân",
    "float_parsing": _NUMBER,
    "float_type": _NUMBER,
    "decimal_parsing": _NUMBER,
    "decimal_type": _NUMBER,
    "finite_number": "phải là số hữu hạn",
    "bool_parsing": "phải là true hoặc false",
    "bool_type": "phải là true hoặc false",
    "string_type": "phải là chuỗi ký tự",
    "string_too_long": "không được dài quá {max_length} ký tự",
    "string_too_short": "phải có ít nhất {min_length} ký tự",
    "string_pattern_mismatch": "không đúng định dạng quy định",
    "too_long": "có nhiều nhất {max_length} phần tử",
    "too_short": "phải có ít nhất {min_length} phần tử",
    "greater_than_equal": "phải lớn hơn hoặc bằng {ge}",
    "greater_than": "phải lớn hơn {gt}",
    "less_than_equal": "phải nhỏ hơn hoặc bằng {le}",
    "less_than": "phải nhỏ hơn {lt}",
    "multiple_of": "phải là bội số của {multiple_of}",
    "enum": "chỉ nhận một trong các giá trị: {expected}",
    "literal_error": "chỉ nhận một trong các giá trị: {expected}",
    "date_parsing": _DATE,
    "date_type": _DATE,
    "date_from_datetime_parsing": _DATE,
    "date_from_datetime_inexact": f"{_DATE}, không kèm giờ",
    "datetime_parsing": _DATETIME,
    "datetime_type": _DATETIME,
    "datetime_from_date_parsing": _DATETIME,
    "time_parsing": _TIME,
    "time_type": _TIME,
    "list_type": "phải là một danh sách ([…])",
    "set_type": "phải là một danh sách ([…])",
    "tuple_type": "phải là một danh sách ([…])",
    "dict_type": _OBJECT,
    "model_type": _OBJECT,
    "model_attributes_type": _OBJECT,
    "extra_forbidden": "không có trong mẫu dữ liệu; đề nghị bỏ trường này",
    "url_parsing": "phải là một địa chỉ URL hợp lệ",
    "uuid_parsing": "phải là một mã UUID hợp lệ",
    "value_error": "có giá trị không hợp lệ",
}
GENERIC = "có giá trị không hợp lệ"


def validation_message_vi(error_type: str, field: str, ctx: Mapping[str, Any] | None = None) -> str:
    """One sentence a secretary can act on, e.g. "Trường «reason» không được dài quá 2000 ký tự."."""
    if error_type == "json_invalid":  # the body as a whole cannot be read; its "field" is a character position
        return "Dữ liệu gửi lên không phải JSON hợp lệ; đề nghị kiểm tra lại nội dung gửi đi."
    if error_type == "missing" and field == "body":
        return "Yêu cầu chưa kèm dữ liệu bắt buộc."
    values = {name: _vietnamese_value(value) for name, value in (ctx or {}).items()}
    try:
        text = _BY_TYPE.get(error_type, GENERIC).format(**values)
    except (KeyError, IndexError, ValueError):  # a ctx value the template expects is absent: say it plainly
        text = GENERIC
    return f"Trường «{field}» {text}."


def _vietnamese_value(value: Any) -> str:
    # pydantic lists allowed values as "'a', 'b' or 'c'".
    return str(value).replace(" or ", " hoặc ")
