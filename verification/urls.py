from verification.support.urls import urlpatterns as support_urlpatterns
from verification.web.urls import urlpatterns as web_urlpatterns

app_name = "verification"

urlpatterns = [*web_urlpatterns, *support_urlpatterns]
